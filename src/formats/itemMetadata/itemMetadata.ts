import type { EepDigitization, EepDocument, EepEncoding, EepRecord } from '../eep/model.js';
import type { FixityAlgorithm } from '../fixity/fixityRecord.js';

/**
 * The DA/T 46-2009 metadata of one item as a transfer package carries it
 * beside the content files: the 文件实体 of DA/T 48-2009 附录A (M1–M75),
 * with 文件数据 describing each computer file instead of embedding its bytes.
 * Shares every part with the EEP model, so an item converts both ways.
 */
export interface Dat46ItemMetadata extends Omit<EepRecord, 'documents'> {
  /** 文件数据: the documents and the files they consist of. */
  documents: [MetadataDocument, ...MetadataDocument[]];
}

/** One 文档 of 文件数据 without bytes. */
export interface MetadataDocument extends Omit<EepDocument, 'data'> {
  /** 文档数据: one per 稿本 (or 处理单), each one or more files. */
  data: [{ encodings: [MetadataFile, ...MetadataFile[]] }, ...{ encodings: [MetadataFile, ...MetadataFile[]] }[]];
}

/** One computer file (编码) described by its 电子属性 (M46–M50). */
export interface MetadataFile extends Omit<EepEncoding, 'content'> {
  /** 计算机文件大小 (M49), in bytes. */
  fileSize: number;
  /** 数字摘要 of the file (固化信息, GB/T 18894-2016): written in 电子属性 with an 算法 attribute. */
  digest?: { algorithm: FixityAlgorithm; value: string };
  /** 数字化属性 (M52). */
  digitization?: EepDigitization;
}
