import { scanTransferList, type TransferListReading } from '../../formats/transferDocuments/scanTransferList.js';
import { OTHER_FOLDER } from '../../formats/transferDocuments/vocabulary.js';
import { otherFolderDocumentOf, otherFolderDocuments } from '../../rules/transferDocuments.js';
import { scanXml } from '../../xml/scan.js';
import type { CheckRun } from '../checks/checkRun.js';
import type { PackageLayout } from '../layout/packageLayout.js';
import type { PackageSource } from '../source.js';
import type { CatalogueEntryValues } from './checkCatalogue.js';
import { parsePackageXml, readBytes } from './readPackageXml.js';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const XML = /\.xml$/i;

/**
 * Checks the 其他/ folder of a 移交信息包 (DA/T 93-2022 附录B):
 *
 * - each document 附录B lists there (`otherFolderDocuments`: 移交清单, 元数据规范,
 *   数据封装规范, 分类编号规则, 内容数据命名规则, 固化验证信息, 过程元数据, 登记表)
 *   is present, recognised by its name — a warning when one is missing, since
 *   that each is required is *inferred* (check `package.other-documents`;
 *   `--severity package.other-document-missing=off` relaxes it);
 * - every XML file there is well-formed, read through the hardened XML scan —
 *   an error (DA/T 70-2018 GD-3-1, check `xml.readable`); 固化验证信息.XML is
 *   read by the fixity checks;
 * - a 电子档案移交清单 in dangan's XML form agrees with the package: its
 *   档案数量 with its entries, its entries with 目录文件.XML (count and 档号),
 *   its 文件数量 and 总字节数 with the item folders' content files — a warning
 *   (the form is dangan's, check `package.transfer-list`). A list in another
 *   form is not compared.
 *
 * @param source - The package source.
 * @param layout - The mapped layout.
 * @param run - The check run.
 * @param catalogue - The catalogue's entries, when it was read.
 * @param maxBytes - Largest XML file read.
 * @example
 * await checkOtherDocuments(source, layout, run, catalogue, 2 ** 28);
 */
export async function checkOtherDocuments(
  source: PackageSource,
  layout: PackageLayout,
  run: CheckRun,
  catalogue: readonly CatalogueEntryValues[] | undefined,
  maxBytes: number,
): Promise<void> {
  run.ran('package.other-documents');
  const present = new Set(layout.otherFiles.map((f) => otherFolderDocumentOf(baseName(f.path))?.id));
  for (const document of otherFolderDocuments) {
    if (!present.has(document.id)) run.report('package.other-document-missing', { path: `${layout.root}${OTHER_FOLDER}/`, params: { document: document.name } });
  }
  for (const file of layout.otherFiles) {
    if (!XML.test(file.path) || file.path === layout.fixityFile) continue;
    const read = await readBytes(source, file.path, maxBytes);
    if (!(read instanceof Uint8Array)) {
      parsePackageXml(read, file.path, run);
      continue;
    }
    run.ran('xml.readable');
    run.ran('security.xml-entities');
    const onIssue = (issue: Parameters<CheckRun['adopt']>[0]) => run.adopt({ ...issue, path: file.path }, 'xml.readable');
    const options = { path: file.path, locale: run.locale, limits: run.xmlLimits };
    if (otherFolderDocumentOf(baseName(file.path))?.id === 'transfer-list') {
      const list = scanTransferList(read, options, onIssue);
      if (list) compareTransferList(list, file.path, layout, catalogue, run);
    } else {
      for (const issue of scanXml(read, options).issues) onIssue(issue);
    }
  }
}

/** Compares a list in dangan's form with the package (check `package.transfer-list`). */
function compareTransferList(list: TransferListReading, path: string, layout: PackageLayout, catalogue: readonly CatalogueEntryValues[] | undefined, run: CheckRun): void {
  run.ran('package.transfer-list');
  const mismatch = (what: string, expected: number | string, received: number | string | undefined, index?: number) =>
    run.report('package.transfer-list-mismatch', { path, expected, received: received ?? '', params: { what }, ...(index === undefined ? {} : { location: list.locate(index) }) });
  const listed = list.archivalCodes.length;
  if (list.totals.档案数量 !== String(listed)) mismatch('档案数量', listed, list.totals.档案数量);
  const content = layout.itemFolders.flatMap((f) => f.contentFiles);
  if (list.totals.文件数量 !== undefined && list.totals.文件数量 !== String(content.length)) mismatch('文件数量', content.length, list.totals.文件数量);
  const bytes = content.reduce((sum, e) => sum + e.size, 0);
  if (list.totals.总字节数 !== undefined && list.totals.总字节数 !== String(bytes)) mismatch('总字节数', bytes, list.totals.总字节数);
  if (catalogue === undefined) return;
  if (listed !== catalogue.length) mismatch('档案条目数', catalogue.length, listed);
  const catalogued = new Set(catalogue.map((e) => e.values.档号));
  list.archivalCodes.forEach((code, index) => {
    if (!catalogued.has(code)) mismatch('档号', '目录文件.XML 中的档号', code, index);
  });
}
