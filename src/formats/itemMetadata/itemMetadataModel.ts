/**
 * The per-item metadata of a 移交信息包 (DA/T 93-2022 附录B): one XML per item
 * folder whose root is 文件实体 with DA/T 46-2009 element names, the same
 * structure an EEP (DA/T 48-2009) wraps. Values are the trimmed text as
 * written; the validator checks types and domains, so a reader never loses
 * what a package said.
 *
 * @module
 */

/** 档号 (DA/T 46-2009 M8–M20): the code as written plus its parts. */
export interface ItemArchivalCode {
  /** The full code written as text inside 档号 (the element is `mixed`). */
  text?: string;
  /** 全宗号 M9. */ fondsCode?: string;
  /** 目录号 M10. */ catalogueNumber?: string;
  /** 年度 M11. */ year?: string;
  /** 保管期限 M12. */ retentionPeriod?: string;
  /** 机构或问题 M13. */ orgCode?: string;
  /** 类别号 M14. */ classCode?: string;
  /** 室编案卷号 M15. */ volumeNumber?: string;
  /** 馆编案卷号 M16. */ archivesVolumeNumber?: string;
  /** 室编件号 M17. */ itemNumber?: string;
  /** 馆编件号 M18. */ archivesItemNumber?: string;
  /** 页号 M20. */ pageNumber?: string;
}

/** One computer file of the item: a DA/T 46-2009 电子属性 (M46) block. */
export interface ComputerFile {
  /** 格式信息 M47. */ formatInfo?: string;
  /** 计算机文件名 M48: the content file's name inside the item folder. */ fileName?: string;
  /** 计算机文件大小 M49: bytes, as written. */ fileSize?: string;
  /** 文档创建程序 M50. */ creatingApplication?: string;
  /** 数字摘要 elements (固化信息) with their 算法 attribute. */
  digests: { algorithm: string; value: string }[];
}

/** The content of one 文件实体 metadata XML. */
export interface ItemMetadata {
  /** 聚合层次 M1. */ aggregationLevel?: string;
  /** 来源 M2–M6. */
  provenance: {
    /** 档案馆名称 M3. */ archiveName?: string;
    /** 档案馆代码 M4. */ archiveCode?: string;
    /** 全宗名称 M5. */ fondsName?: string;
    /** 立档单位名称 M6. */ creatingUnit?: string;
  };
  /** 电子文件号 M7. */ recordId?: string;
  /** 档号 M8. */ archivalCode: ItemArchivalCode;
  /** 内容描述 M21–M39. */
  description: {
    /** 题名 M22. */ title?: string;
    /** 并列题名 M23. */ parallelTitle?: string;
    /** 副题名 M24. */ alternativeTitle?: string;
    /** 说明题名文字 M25. */ otherTitleInformation?: string;
    /** 主题词 M26 (repeatable). */ descriptors: string[];
    /** 关键词 M27. */ keyword?: string;
    /** 人名 M28. */ personalName?: string;
    /** 摘要 M29. */ abstract?: string;
    /** 分类号 M30. */ classNumber?: string;
    /** 文件编号 (文号) M31. */ documentNumber?: string;
    /** 责任者 M32. */ author?: string;
    /** 日期 M33. */ date?: string;
    /** 文种 M34. */ documentType?: string;
    /** 紧急程度 M35. */ precedence?: string;
    /** 主送 M36. */ principalReceiver?: string;
    /** 抄送 M37. */ otherReceivers?: string;
    /** 密级 M38. */ securityClassification?: string;
    /** 保密期限 M39. */ secrecyPeriod?: string;
  };
  /** 形式特征 M40–M45. */
  form: {
    /** 文件组合类型 M41. */ aggregationType?: string;
    /** 件数 M42. */ itemCount?: string;
    /** 页数 M43. */ pageCount?: string;
    /** 语种 M44. */ language?: string;
    /** 稿本 M45. */ manuscriptType?: string;
  };
  /** Every 电子属性 block, in document order. */
  files: ComputerFile[];
  /** 附注 M75 (repeatable). */
  notes: string[];
}
