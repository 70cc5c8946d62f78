/** A content format dangan identifies by its bytes. */
export type ContentFormatId =
  | 'pdf' | 'ofd' | 'tiff' | 'jpeg' | 'png' | 'xml' | 'docx' | 'xlsx' | 'pptx' | 'zip'
  | 'ole2' | 'wav' | 'mp3' | 'mp4' | 'text' | 'pe' | 'elf' | 'mach-o' | 'script';

/** What is known about one format: how it is written when declared, and where it comes from. */
export interface ContentFormatDefinition {
  /** Display name. */
  readonly name: string;
  /** File extensions (lower case, no dot) that name this format. */
  readonly extensions: readonly string[];
  /** Upper-case words that name the format in a 格式信息 (DA/T 46-2009 M47) value. */
  readonly names: readonly string[];
  /** MIME media types. */
  readonly mime: readonly string[];
  /** An executable or script (DA/T 70-2018 GD-4-3). */
  readonly executable?: boolean;
  /** Source of the signature. */
  readonly source: string;
}

/**
 * The formats of GB/T 18894-2016 归档格式 and DA/T 47-2009 (PDF, PDF/A, OFD,
 * TIFF, JPEG, PNG, XML, DOCX, WAV, MP3, MP4) plus the containers and
 * executables a validator must tell apart.
 */
export const contentFormats = {
  pdf: { name: 'PDF', extensions: ['pdf'], names: ['PDF'], mime: ['APPLICATION/PDF'], source: 'ISO 32000-1 §7.5.2 (%PDF- header)' },
  ofd: { name: 'OFD', extensions: ['ofd'], names: ['OFD'], mime: ['APPLICATION/OFD'], source: 'GB/T 33190-2016 (zip with OFD.xml)' },
  tiff: { name: 'TIFF', extensions: ['tif', 'tiff'], names: ['TIFF', 'TIF'], mime: ['IMAGE/TIFF'], source: 'TIFF 6.0 §2 (II*\\0 / MM\\0*)' },
  jpeg: { name: 'JPEG', extensions: ['jpg', 'jpeg'], names: ['JPEG', 'JPG'], mime: ['IMAGE/JPEG'], source: 'ISO/IEC 10918-1 (SOI FFD8)' },
  png: { name: 'PNG', extensions: ['png'], names: ['PNG'], mime: ['IMAGE/PNG'], source: 'ISO/IEC 15948 §5.2' },
  xml: { name: 'XML', extensions: ['xml'], names: ['XML'], mime: ['APPLICATION/XML', 'TEXT/XML'], source: 'XML 1.0 §2.8' },
  docx: { name: 'DOCX', extensions: ['docx', 'docm', 'dotx', 'dotm'], names: ['DOCX', 'WORD', 'OOXML'], mime: ['APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.WORDPROCESSINGML.DOCUMENT'], source: 'ISO/IEC 29500-2 (zip with word/)' },
  xlsx: { name: 'XLSX', extensions: ['xlsx', 'xlsm'], names: ['XLSX', 'EXCEL', 'OOXML'], mime: ['APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET'], source: 'ISO/IEC 29500-2 (zip with xl/)' },
  pptx: { name: 'PPTX', extensions: ['pptx', 'pptm'], names: ['PPTX', 'POWERPOINT', 'OOXML'], mime: ['APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.PRESENTATIONML.PRESENTATION'], source: 'ISO/IEC 29500-2 (zip with ppt/)' },
  zip: { name: 'ZIP', extensions: ['zip'], names: ['ZIP'], mime: ['APPLICATION/ZIP'], source: 'PKWARE APPNOTE §4.3.7' },
  ole2: { name: 'OLE2 (DOC/XLS/PPT)', extensions: ['doc', 'xls', 'ppt', 'wps', 'et', 'dps'], names: ['DOC', 'XLS', 'PPT', 'WPS', 'ET'], mime: ['APPLICATION/MSWORD', 'APPLICATION/VND.MS-EXCEL'], source: '[MS-CFB] §2.2 (D0CF11E0)' },
  wav: { name: 'WAV', extensions: ['wav'], names: ['WAV', 'WAVE'], mime: ['AUDIO/WAV', 'AUDIO/X-WAV'], source: 'RIFF WAVE (Microsoft 1991)' },
  mp3: { name: 'MP3', extensions: ['mp3'], names: ['MP3'], mime: ['AUDIO/MPEG'], source: 'ISO/IEC 11172-3; ID3v2' },
  mp4: { name: 'MP4', extensions: ['mp4', 'm4a', 'm4v', 'mov'], names: ['MP4', 'MPEG-4'], mime: ['VIDEO/MP4', 'AUDIO/MP4'], source: 'ISO/IEC 14496-12 §4.3 (ftyp box)' },
  text: { name: 'Text', extensions: ['txt', 'csv'], names: ['TXT', 'TEXT', 'CSV'], mime: ['TEXT/PLAIN', 'TEXT/CSV'], source: 'GB 18030 / UTF-8 text' },
  pe: { name: 'Windows executable (PE)', extensions: ['exe', 'dll', 'com', 'scr', 'sys', 'msi'], names: ['EXE'], mime: ['APPLICATION/X-MSDOWNLOAD'], executable: true, source: 'Microsoft PE/COFF (MZ)' },
  elf: { name: 'ELF executable', extensions: ['so', 'bin', 'elf'], names: ['ELF'], mime: ['APPLICATION/X-EXECUTABLE'], executable: true, source: 'System V ABI (7F ELF)' },
  'mach-o': { name: 'Mach-O executable', extensions: ['dylib'], names: ['MACH-O'], mime: ['APPLICATION/X-MACH-BINARY'], executable: true, source: 'Apple Mach-O (FEEDFACE/CF)' },
  script: { name: 'Script', extensions: ['bat', 'cmd', 'ps1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'sh', 'jar', 'hta', 'lnk', 'reg'], names: ['SCRIPT'], mime: ['APPLICATION/X-SH'], executable: true, source: 'DA/T 70-2018 GD-4-3 (non-archival executable content)' },
} as const satisfies Readonly<Record<ContentFormatId, ContentFormatDefinition>>;

/** Extensions of macro-enabled Office files (ISO/IEC 29500 macro-enabled content types). */
export const macroExtensions = ['docm', 'dotm', 'xlsm', 'xltm', 'pptm', 'potm'] as const;
