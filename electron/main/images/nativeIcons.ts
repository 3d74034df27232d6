import { nativeImage, type NativeImage } from 'electron';
import { encodePng, type RgbaImage } from './png';
import { overlayIcon, templateTrayIcon, trayIcon } from './trayIcons';

/** One image in two resolutions, so HiDPI screens get sharp pixels. */
function multiResolution(draw: (size: number) => RgbaImage, size: number): NativeImage {
  const image = nativeImage.createEmpty();
  for (const scaleFactor of [1, 2]) {
    image.addRepresentation({ scaleFactor, buffer: encodePng(draw(size * scaleFactor)) });
  }
  return image;
}

/** Tray icon sizes: 16 pt in the macOS menu bar and the Windows notification area, 24 px on Linux panels. */
export function trayImage(platform: NodeJS.Platform, hasUnread: boolean): NativeImage {
  if (platform === 'darwin') {
    const image = multiResolution(templateTrayIcon, 16);
    image.setTemplateImage(true);
    return image;
  }
  return multiResolution((size) => trayIcon(size, hasUnread), platform === 'linux' ? 24 : 16);
}

/** The 16 × 16 taskbar overlay (Windows). */
export function overlayImage(label: string): NativeImage {
  return multiResolution((size) => overlayIcon(size, label), 16);
}
