import { createNoticeStoreExtension } from '../../broadcasts/noticeStore';
import { createSearchExtension } from '../../search/worker/searchExtension';
import type { StoreExtension } from '../storeExtension';

/**
 * The store extensions bundled into the worker. The worker is its own bundle, so an extension
 * is added by importing it in this list.
 */
export const storeExtensions: readonly StoreExtension[] = [
  createSearchExtension(),
  createNoticeStoreExtension(),
];
