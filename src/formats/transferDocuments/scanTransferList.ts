import type { Issue, IssueLocation, Locale } from '../../report/issue.js';
import { localName } from '../../xml/localName.js';
import { decodeReferences } from '../../xml/references.js';
import { scanXml } from '../../xml/scan.js';
import type { XmlLimits } from '../../xml/limits.js';
import { TRANSFER_LIST_ENTRY, TRANSFER_LIST_ROOT, TRANSFER_LIST_TOTALS } from './vocabulary.js';

/** A total of the list (移交单位, 起止档号, 档案数量, 文件数量, 总字节数). */
export type TransferListTotal = (typeof TRANSFER_LIST_TOTALS)[number];

/** What {@link scanTransferList} read from a list in dangan's form. */
export interface TransferListReading {
  /** The totals, trimmed, as written. */
  readonly totals: Readonly<Partial<Record<TransferListTotal, string>>>;
  /** The 档号 of each `<档案>`, trimmed (`''` when it has none), in document order. */
  readonly archivalCodes: readonly string[];
  /** Location of the n-th `<档案>` (0-based). */
  locate(index: number): IssueLocation;
}

const TOTALS: ReadonlySet<string> = new Set(TRANSFER_LIST_TOTALS);

/**
 * Reads `其他/电子档案移交清单.XML` in the hardened XML scan, without building a
 * tree (a list has one entry per item: 100,000 for a large package). XML
 * issues go to `onIssue`. Returns the totals and the 档号 of every entry when
 * the file is well-formed and its root is `电子档案移交清单` (dangan's form);
 * `undefined` otherwise — a list in another form (a spreadsheet, a scan, a
 * vendor's XML) is not compared, since the standard fixes no form.
 *
 * @param bytes - The file's bytes.
 * @param options - Path, locale and XML limits.
 * @param onIssue - Receives each XML issue.
 * @returns The reading, or `undefined`.
 * @example
 * scanTransferList(bytes, { path: '其他/电子档案移交清单.XML' }, (issue) => issues.push(issue))?.totals.档案数量
 */
export function scanTransferList(
  bytes: Uint8Array,
  options: { path: string; locale?: Locale; limits?: Partial<XmlLimits> },
  onIssue: (issue: Issue) => void,
): TransferListReading | undefined {
  let rootName: string | undefined;
  const totals: Partial<Record<TransferListTotal, string>> = {};
  const archivalCodes: string[] = [];
  const offsets: number[] = [];
  const scan = scanXml(bytes, options, ({ text }) => {
    let depth = 0;
    let inEntry = false;
    // The element whose own text is being read: a total (depth 2) or an entry's first 档号 (depth 3).
    let reading: { total?: TransferListTotal; code?: true } | undefined;
    let own = '';
    let code: string | undefined;
    return {
      startElement(name, offset) {
        depth++;
        const local = localName(name);
        if (depth === 1) rootName = local;
        else if (depth === 2 && local === TRANSFER_LIST_ENTRY) {
          inEntry = true;
          code = undefined;
          offsets.push(offset);
        } else if (depth === 2 && TOTALS.has(local) && !(local in totals)) {
          reading = { total: local as TransferListTotal };
          own = '';
        } else if (depth === 3 && inEntry && local === '档号' && code === undefined) {
          reading = { code: true };
          own = '';
        }
      },
      endElement() {
        if (reading && depth === 2 && reading.total) totals[reading.total] = own.trim();
        if (reading && depth === 3 && reading.code) code = own.trim();
        if ((depth === 2 && reading?.total) || (depth === 3 && reading?.code)) reading = undefined;
        if (depth === 2 && inEntry) {
          archivalCodes.push(code ?? '');
          inEntry = false;
        }
        depth--;
      },
      text(from, to) {
        if (reading) own += decodeReferences(text.slice(from, to));
      },
      cdata(from, to) {
        if (reading) own += text.slice(from, to);
      },
    };
  });
  for (const issue of scan.issues) onIssue({ ...issue, path: options.path });
  if (!scan.complete || !scan.context || rootName !== TRANSFER_LIST_ROOT) return undefined;
  const lines = scan.context.lines;
  return {
    totals,
    archivalCodes,
    locate: (index) => ({ ...lines.locate(offsets[index] ?? 0), xpath: `/${TRANSFER_LIST_ROOT}/${TRANSFER_LIST_ENTRY}[${index + 1}]` }),
  };
}
