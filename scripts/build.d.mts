export function buildNode(): Promise<void>;
export function buildElectron(): Promise<void>;
export function buildRenderer(mode?: string): Promise<void>;
