import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages the UI ships, by the folder name of their resources. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Every namespace file under locales/<language>/<namespace>.json, loaded at build time: a feature
 * adds its strings by adding its two JSON files, nothing else to register.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

export function loadResources(): Resource {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [file, module] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    (resources[match[1]] ??= {})[match[2]] = module.default;
  }
  return resources;
}

/** The UI language for a `language` setting: 'system' follows the browser's preferred languages. */
export function resolveLanguage(
  setting: string,
  preferred: readonly string[] = navigator.languages,
): Language {
  const tags = setting === 'system' ? preferred : [setting];
  for (const tag of tags) if (tag.toLowerCase().startsWith('zh')) return 'zh';
  return 'en';
}

/** The BCP 47 tag for Intl formatting of dates and numbers in a UI language. */
export function localeTag(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}

/** A fresh i18next instance (not the global one), so each mounted app and test has its own. */
export function createI18n(language: Language = 'en'): I18n {
  const instance = i18next.createInstance();
  const resources = loadResources();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
