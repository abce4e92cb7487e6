/**
 * The unit a document is about, read from its issuer ("Ủy ban nhân dân phường Hồng An") or, when
 * the issuer names none, from the header the document itself prints ("ỦY BAN NHÂN DÂN TỈNH LÂM
 * ĐỒNG"). Only the unit words of Vietnamese administration are written here; the names are data.
 */

/** A unit word then a capitalised name: "phường Hồng An", "tỉnh Lâm Đồng", "đặc khu Phú Quốc". */
const IN_NAME = /(?<![\p{L}])(phường|xã|đặc khu|thành phố|tỉnh)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)/u;

/** A header line in capitals: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "UBND PHƯỜNG AN KHÁNH". */
const IN_HEADER = /^\s*(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN)\s+(PHƯỜNG|XÃ|ĐẶC KHU|THÀNH PHỐ|TỈNH)\s+(\p{Lu}[\p{Lu}\p{M}\s]*?)\s*$/mu;

const titleCase = (s: string) =>
  s
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

/** "phường Hồng An", or undefined when neither the issuer nor the header names a unit. */
export function placeOfDocument(issuer: string, text: string): string | undefined {
  const named = IN_NAME.exec(issuer.normalize('NFC'));
  if (named) return `${named[1]} ${named[2]}`;
  const header = IN_HEADER.exec(text.normalize('NFC').split('\n').slice(0, 15).join('\n'));
  return header ? `${header[1]!.toLocaleLowerCase('vi')} ${titleCase(header[2]!)}` : undefined;
}
