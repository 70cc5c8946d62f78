/**
 * The documents of the `其他/` folder of a 移交信息包 that dangan writes and
 * reads (DA/T 93-2022 附录B): the 移交清单, the 登记表, the 过程元数据 and the
 * four rule documents. 固化验证信息 has its own home (`formats/fixity`).
 *
 * @module
 */
export * from './vocabulary.js';
export type { TransferSummary, TransferSummaryItem } from './transferSummary.js';
export { writeTransferList } from './writeTransferList.js';
export { scanTransferList, type TransferListReading, type TransferListTotal } from './scanTransferList.js';
export { writeTransferRegister } from './writeTransferRegister.js';
export { writeProcessMetadata } from './writeProcessMetadata.js';
export { writeRuleDocuments, type NumberingScheme, type RuleDocumentsInput } from './writeRuleDocuments.js';
