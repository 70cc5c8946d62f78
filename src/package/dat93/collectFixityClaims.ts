import type { CheckRun } from '../checks/checkRun.js';
import { digestHexLength, parseDigestAlgorithm, type FixityClaim } from '../../formats/fixity/fixityClaim.js';
import { parseManifestText } from '../../formats/fixity/parseManifestText.js';
import type { PackageLayout } from '../layout/packageLayout.js';
import type { PackageSource } from '../source.js';
import { decodeText } from '../text/decodeText.js';
import { streamFixityFileChunks } from '../../formats/fixity/scanFixityFile.js';
import { FIXITY_FILE_ROOT } from '../../formats/fixity/vocabulary.js';
import type { ReadItem } from './readItems.js';
import type { ItemMetadataReading } from '../../formats/itemMetadata/readItemMetadata.js';
import { parseByteCount } from '../../formats/fixity/parseByteCount.js';
import { ClaimTable, type FileIndex } from '../fixity/claimTable.js';
import { ReadLimitError } from '../source.js';
import type { Issue } from '../../report/issue.js';
import { scaledTimeLimit } from '../limits.js';

export { FIXITY_FILE_ROOT } from '../../formats/fixity/vocabulary.js';

/** A claim as read from evidence, before it is checked. */
interface RawClaim {
  path?: string | undefined;
  algorithm?: string | undefined;
  digest?: string | undefined;
  bytes?: string | undefined;
}

/**
 * Checks one claim as read and keeps it in `table`; a malformed entry or an
 * unknown algorithm is reported through `report`, not claimed.
 */
function claimInto(table: ClaimTable, raw: RawClaim, base: Pick<FixityClaim, 'kind' | 'evidence' | 'location'>, report: CheckRun['report']): void {
  const where = { path: base.evidence, ...(base.location ? { location: base.location } : {}) };
  const algorithm = parseDigestAlgorithm(raw.algorithm ?? '');
  if (!raw.path || !raw.digest) {
    report('fixity.entry-malformed', { ...where, params: { reason: !raw.path ? '路径 / path' : '数字摘要 / digest' } });
    return;
  }
  if (!algorithm) {
    report('fixity.algorithm-unsupported', { ...where, received: raw.algorithm, params: { algorithm: raw.algorithm ?? '' } });
    return;
  }
  const digest = raw.digest.toLowerCase();
  if (!/^[0-9a-f]+$/.test(digest) || digest.length !== digestHexLength[algorithm]) {
    report('fixity.entry-malformed', { ...where, received: raw.digest, expected: `${digestHexLength[algorithm]} hex`, params: { reason: `${algorithm.toUpperCase()} ${raw.digest}` } });
    return;
  }
  const bytes = raw.bytes === undefined ? undefined : parseByteCount(raw.bytes);
  if (raw.bytes !== undefined && bytes === undefined) {
    report('fixity.entry-malformed', { ...where, received: raw.bytes, expected: 'digits, at most 9007199254740991', params: { reason: `字节数 / bytes ${raw.bytes}` } });
    return;
  }
  // Kept as columns until every file is hashed (the path as the index of the file it names, the digest as bytes):
  // nothing of the evidence's text stays (a 1,000,000-file 固化验证信息.XML decodes to about 400 MB).
  table.push({ path: raw.path.normalize('NFC'), algorithm, digest, bytes, kind: base.kind, evidence: base.evidence, location: base.location });
}

/**
 * Gathers every fixity claim of a package from its three evidence forms
 * (docs/package-format.md): `其他/固化验证信息.XML` (one 文件 per content file
 * with 路径, 算法, 数字摘要, 字节数), 数字摘要 elements (with an 算法 attribute)
 * in a file's 电子属性, and BagIt-style `manifest-<alg>.txt` at the root.
 * Malformed entries and unknown algorithms are reported, not claimed. The
 * metadata's claims are taken as each item is read ({@link FixityClaimCollector.addItem}),
 * so no item keeps its 数字摘要 until the end; their issues still come after
 * those of 固化验证信息.XML, as the claims do.
 *
 * @example
 * const collector = new FixityClaimCollector(run, new FileIndex(await source.entries()), layout.root);
 * // … collector.addItem(item, reading) as readItems reads each item …
 * const claims = await collector.collect(source, layout, 2 ** 28);
 */
export class FixityClaimCollector {
  private readonly fromMetadata: ClaimTable;
  private readonly held: Parameters<CheckRun['report']>[] = [];

  /**
   * @param run - The check run.
   * @param files - The package's files: a claim is kept by the index of the file it names (see {@link ClaimTable}).
   * @param root - The package root inside the source (`''` or `'<folder>/'`).
   */
  constructor(
    private readonly run: CheckRun,
    private readonly files: FileIndex,
    private readonly root: string,
  ) {
    this.fromMetadata = new ClaimTable(files, root);
  }

  /**
   * Claims the 数字摘要 of one item's metadata (its issues wait for {@link FixityClaimCollector.collect}).
   *
   * @param item - The item folder and its metadata path.
   * @param reading - Its metadata reading.
   */
  addItem(item: Pick<ReadItem, 'folder' | 'metadataPath'>, reading: ItemMetadataReading): void {
    const folder = item.folder.path.slice(this.root.length);
    const report: CheckRun['report'] = (code, details) => void this.held.push([code, details]);
    reading.metadata.files.forEach((file, index) => {
      file.digests.forEach((d, i) => {
        const location = reading.locations.get(`files[${index}]/数字摘要[${i}]`);
        claimInto(
          this.fromMetadata,
          { path: file.fileName ? `${folder}/${file.fileName}` : undefined, algorithm: d.algorithm, digest: d.value },
          { kind: 'metadata', evidence: item.metadataPath, ...(location ? { location: { line: location.line, column: location.column, ...(location.xpath === undefined ? {} : { xpath: location.xpath }) } } : {}) },
          report,
        );
      });
    });
  }

  /**
   * Reads 固化验证信息.XML and the manifests and returns every claim, in
   * evidence order: 固化验证信息.XML, the items' metadata, the manifests.
   *
   * @param source - The package source.
   * @param layout - The mapped layout.
   * @param maxXmlBytes - Largest XML read.
   * @returns The claims, one table per evidence form; paths relative to the package root.
   */
  async collect(source: PackageSource, layout: PackageLayout, maxXmlBytes: number): Promise<ClaimTable[]> {
    const { run, files } = this;
    const claims = new ClaimTable(files, layout.root);
    // While 固化验证信息.XML is scanned its claims are provisional (they stand only if the file is
    // well-formed), so the issues of its malformed entries wait until the scan ends.
    let waiting: Parameters<CheckRun['report']>[] | undefined;
    const report: CheckRun['report'] = (code, details) => (waiting ? void waiting.push([code, details]) : run.report(code, details));
    const claim = (raw: RawClaim, base: Pick<FixityClaim, 'kind' | 'evidence' | 'location'>) => claimInto(claims, raw, base, report);
    const fixityFile = layout.fixityFile;
    if (fixityFile) {
      run.ran('xml.readable');
      run.ran('security.xml-entities');
      // Read in chunks, never whole: only the unscanned rest of the text is held (docs/performance.md, the million-file package).
      const size = files.get(fixityFile)?.size ?? 0;
      if (size > maxXmlBytes) run.report('content.unreadable', { path: fixityFile, params: { reason: new ReadLimitError(fixityFile, size, maxXmlBytes).message } });
      else {
        // Claims are made as the scan reads each entry (no list of raw entries beside them) and dropped if the file is not well-formed.
        waiting = [];
        let complete = false;
        const issues: Issue[] = [];
        try {
          ({ complete } = await streamFixityFileChunks(
            source.stream(fixityFile),
            fixityFile,
            FIXITY_FILE_ROOT,
            { locale: run.locale, limits: scaledTimeLimit(run.xmlLimits, size) },
            (issue) => issues.push(issue),
            (entry, location) => claim({ path: entry.路径, algorithm: entry.算法, digest: entry.数字摘要, bytes: entry.字节数 }, { kind: 'fixity-file', evidence: fixityFile, location }),
          ));
          for (const issue of issues) run.adopt(issue, 'xml.readable');
        } catch (error) {
          run.report('content.unreadable', { path: fixityFile, params: { reason: (error as Error).message } });
        }
        const held = waiting;
        waiting = undefined;
        if (complete) for (const [code, details] of held) run.report(code, details);
        else claims.truncate(0);
      }
    }
    for (const [code, details] of this.held) run.report(code, details);
    const manifests = new ClaimTable(files, layout.root);
    for (const manifest of layout.manifests) {
      const name = manifest.slice(manifest.lastIndexOf('/') + 1);
      const algorithm = name.slice('manifest-'.length, -'.txt'.length);
      let text: string;
      try {
        text = decodeText(await source.read(manifest, { maxBytes: maxXmlBytes })).text;
      } catch (error) {
        run.report('fixity.unreadable', { path: manifest, params: { reason: (error as Error).message } });
        continue;
      }
      const parsed = parseManifestText(text);
      for (const line of parsed.malformed) run.report('fixity.entry-malformed', { path: manifest, location: { line, column: 1 }, params: { reason: `line ${line}` } });
      for (const line of parsed.lines) claimInto(manifests, { path: line.path, algorithm, digest: line.digest }, { kind: 'manifest', evidence: manifest, location: line.location }, report);
    }
    return [claims, this.fromMetadata, manifests];
  }
}
