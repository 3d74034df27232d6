export function ensureBuilt(output: string): Promise<void>;
