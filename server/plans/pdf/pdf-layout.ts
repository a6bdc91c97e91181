import PDFDocument from 'pdfkit';

/**
 * Layout primitives over pdfkit for the plan export: headings, paragraphs, key/value lists, bullet lists and
 * tables that break across pages. Every string goes through `winAnsiSafe` so nothing reaches the built-in
 * Helvetica that it has no glyph for.
 */

/** Unicode code points outside Latin-1 that WinAnsiEncoding (and so the built-in Helvetica) still has. */
const WIN_ANSI_EXTRA = new Set(
  [0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122],
);
const COMMON: Record<string, string> = { '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u00ad': '', '\u200b': '', '\u2032': "'", '\u2033': '"', '\u2192': '->', '\u2190': '<-', '\u2264': '<=', '\u2265': '>=',
  // Latin letters with no decomposition to strip
  'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ŧ': 'T', 'ŧ': 't' };

function renderable(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || cp === 0x0a || WIN_ANSI_EXTRA.has(cp);
}

/**
 * Text the built-in fonts can draw: Spanish and other Latin-1 letters pass unchanged (á é í ó ú ñ ü ¿ ¡),
 * other accented letters lose the accent (ő -> o), tabs become spaces, and anything else (emoji, other
 * scripts) becomes "?" instead of a missing glyph.
 */
export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (renderable(cp)) out += ch;
    else if (ch in COMMON) out += COMMON[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => renderable(c.codePointAt(0) ?? 0)) ? base : cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? '' : '?';
    }
  }
  return out;
}

export const COLORS = { ink: '#1d1d1f', muted: '#5f6368', accent: '#1f4e79', rule: '#c8ced6', band: '#e8eef5' } as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export interface Column {
  header: string;
  /** Share of the table width (the shares are normalised). */
  width: number;
  align?: 'left' | 'right';
}

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;

  constructor(opts: { compress: boolean; title: string; author: string; lang: string }) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: 54, left: 54, right: 54, bottom: 64 },
      bufferPages: true,
      compress: opts.compress,
      lang: opts.lang,
      displayTitle: true,
      info: { Title: winAnsiSafe(opts.title), Author: winAnsiSafe(opts.author), Creator: 'ECAP Planner', Producer: 'ECAP Planner' },
    });
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLORS.ink);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  /** 0-based index of the page being written. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  gap(points = 8): void {
    this.doc.y += points;
  }

  /** A section title with a rule under it. */
  sectionTitle(text: string): void {
    this.ensureSpace(90);
    const { doc } = this;
    doc.font(FONT.bold).fontSize(20).fillColor(COLORS.accent).text(winAnsiSafe(text), this.left, doc.y, { width: this.width });
    const y = doc.y + 3;
    doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(1.5).strokeColor(COLORS.accent).stroke();
    doc.y = y + 12;
    this.reset();
  }

  /** A sub-heading kept with at least a few lines of what follows. */
  heading(text: string, level: 2 | 3 = 2): void {
    this.ensureSpace(level === 2 ? 64 : 44);
    const { doc } = this;
    doc.font(FONT.bold).fontSize(level === 2 ? 13 : 11).fillColor(level === 2 ? COLORS.accent : COLORS.ink);
    doc.text(winAnsiSafe(text), this.left, doc.y, { width: this.width });
    doc.y += level === 2 ? 4 : 2;
    this.reset();
  }

  paragraph(text: string, opts: { bold?: boolean; muted?: boolean; italic?: boolean; size?: number; indent?: number } = {}): void {
    const { doc } = this;
    doc.font(opts.bold ? FONT.bold : opts.italic ? FONT.italic : FONT.regular).fontSize(opts.size ?? 10).fillColor(opts.muted ? COLORS.muted : COLORS.ink);
    const indent = opts.indent ?? 0;
    const safe = winAnsiSafe(text);
    this.ensureSpace(Math.min(doc.heightOfString(safe, { width: this.width - indent }), 40));
    doc.text(safe, this.left + indent, doc.y, { width: this.width - indent, lineGap: 1.5 });
    doc.y += 3;
    this.reset();
  }

  /** The "nothing recorded yet" line for an empty part. */
  empty(text: string): void {
    this.paragraph(text, { italic: true, muted: true });
  }

  /** Label/value pairs in two columns; empty values are skipped. */
  keyValues(pairs: Array<[string, string | null | undefined]>, labelWidth = 150): void {
    const { doc } = this;
    for (const [key, value] of pairs) {
      if (value === null || value === undefined || value === '') continue;
      const k = winAnsiSafe(key);
      const v = winAnsiSafe(value);
      doc.font(FONT.regular).fontSize(10);
      const height = Math.max(doc.heightOfString(v, { width: this.width - labelWidth }), 12);
      this.ensureSpace(Math.min(height, 60));
      const y = doc.y;
      doc.font(FONT.bold).fillColor(COLORS.muted).text(k, this.left, y, { width: labelWidth - 8 });
      const afterLabel = doc.y;
      doc.font(FONT.regular).fillColor(COLORS.ink).text(v, this.left + labelWidth, y, { width: this.width - labelWidth, lineGap: 1.5 });
      doc.y = Math.max(doc.y, afterLabel) + 3;
    }
    this.reset();
  }

  bullets(items: string[], indent = 0): void {
    for (const item of items) {
      const { doc } = this;
      const safe = winAnsiSafe(item);
      doc.font(FONT.regular).fontSize(10).fillColor(COLORS.ink);
      this.ensureSpace(Math.min(doc.heightOfString(safe, { width: this.width - indent - 14 }), 40));
      const y = doc.y;
      doc.text('\u2022', this.left + indent + 2, y, { width: 10 });
      doc.text(safe, this.left + indent + 14, y, { width: this.width - indent - 14, lineGap: 1.5 });
      doc.y += 2;
    }
    this.reset();
  }

  /** A table with a shaded header row, repeated on each page it continues on. */
  table(columns: Column[], rows: string[][]): void {
    const { doc } = this;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? FONT.bold : FONT.regular).fontSize(header ? 9 : 9.5);
      const texts = cells.map(winAnsiSafe);
      const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
      if (doc.y + height > this.bottom) {
        this.newPage();
        if (!header) drawRow(columns.map((c) => c.header), true);
      }
      const y = doc.y;
      if (header) doc.rect(this.left, y, this.width, height).fill(COLORS.band);
      let x = this.left;
      texts.forEach((t, i) => {
        const w = widths[i] ?? 0;
        doc.fillColor(header ? COLORS.accent : COLORS.ink).text(t, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' });
        x += w;
      });
      doc.moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      doc.y = y + height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    doc.y += 8;
    this.reset();
  }

  /** Writes `draw` on every page (footers), outside the bottom margin, then returns the finished bytes. */
  async finish(draw: (page: { index: number; count: number; y: number }) => void): Promise<Buffer> {
    const { doc } = this;
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the margin must not open a new page
      draw({ index: i, count: range.count, y: doc.page.height - 40 });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  }

  /** Small text in one line at a position (footers, the cover's contents). */
  smallText(text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left', color: string = COLORS.muted): void {
    this.doc.font(FONT.regular).fontSize(8.5).fillColor(color).text(winAnsiSafe(text), x, y, { width, align, lineBreak: false });
  }

  private reset(): void {
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLORS.ink);
  }
}
