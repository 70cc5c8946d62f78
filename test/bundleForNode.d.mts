/** Bundles one TypeScript entry for Node 20 into one ESM file; resolves to the outfile. */
export function bundleForNode(entry: string, outfile: string, define?: Record<string, string>): Promise<string>;
