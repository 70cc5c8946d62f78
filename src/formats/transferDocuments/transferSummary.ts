/** One item (件) of a transfer, as the 其他/ documents describe it. */
export interface TransferSummaryItem {
  /** 档号. */
  readonly archivalCode: string;
  /** 题名. */
  readonly title: string;
  /** Content files of the item. */
  readonly files: number;
  /** Their bytes. */
  readonly bytes: number;
}

/**
 * What the 其他/ documents of a 移交信息包 say about the transfer (DA/T 93-2022
 * 附录B): who transfers what, item by item, with the totals.
 */
export interface TransferSummary {
  /** 移交单位 (as in 说明文件.TXT). */
  readonly transferringUnit: string;
  /** 内容描述 (as in 说明文件.TXT). */
  readonly contentDescription: string;
  /** 起止档号 (as in 说明文件.TXT). */
  readonly codeRange: string;
  /** The items, in catalogue order. */
  readonly items: readonly TransferSummaryItem[];
  /** Content files of all items. */
  readonly files: number;
  /** Their bytes. */
  readonly bytes: number;
}
