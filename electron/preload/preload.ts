import { contextBridge, ipcRenderer } from 'electron';
import { createTidingsApi } from '../../shared/ipc/api';
import { createIpcTransport } from './ipcTransport';

// The page gets `window.tidings`: frozen, named functions from the contract (api.messages.send,
// api.messages.onChanged, …). This file is bundled (scripts/build.mjs) because a sandboxed
// preload may require nothing but 'electron'.
contextBridge.exposeInMainWorld('tidings', createTidingsApi(createIpcTransport(ipcRenderer)));
