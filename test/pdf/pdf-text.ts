/** Reads the text of an uncompressed pdfkit PDF (standard fonts, WinAnsi), for assertions only. */

const WIN_ANSI_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x2c6, 0x89: 0x2030,
  0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc, 0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

/** Every TJ operation's text, one per line, with the hex strings decoded from WinAnsi. */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const tj of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
    let line = '';
    for (const hex of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
      const digits = hex[1] ?? '';
      if (digits.length % 2 !== 0) throw new Error(`odd hex string <${digits}>: a character outside WinAnsi reached the font`);
      for (let i = 0; i < digits.length; i += 2) {
        const code = parseInt(digits.slice(i, i + 2), 16);
        line += String.fromCodePoint(WIN_ANSI_HIGH[code] ?? code);
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}

export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
