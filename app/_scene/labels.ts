// Chinese labels without a font download: drei <Text> fetches fonts from a
// CDN and fails offline (docs/ARCHITECTURE.md § Measured facts), so the labels are painted once with
// the system's CJK font into one atlas texture and drawn as flat quads on
// roofs and façades — one draw call for every label of the community.
import { BufferGeometry, CanvasTexture, Float32BufferAttribute, SRGBColorSpace } from 'three';
import type { Vec3 } from './geometry';

export type LabelStyle = 'sign' | 'unit';
export type LabelSpec = {
  text: string;
  style: LabelStyle;
  center: Vec3;
  /** Height of the text in metres; the width follows the text. */
  height: number;
  /** 'south': on a south wall, read from the south; 'up': on a roof, north at the top. */
  facing: 'south' | 'up';
  maxWidth?: number;
};

const CELL_W = 512;
const CELL_H = 112;
const COLS = 4;
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export type LabelAtlas = { geometry: BufferGeometry; texture: CanvasTexture };

/** Null where there is no DOM canvas (server, unit tests). */
export function buildLabels(specs: LabelSpec[]): LabelAtlas | null {
  if (typeof document === 'undefined' || specs.length === 0) return null;
  const cells = new Map<string, { index: number; aspect: number }>();
  for (const s of specs)
    if (!cells.has(`${s.style}|${s.text}`)) cells.set(`${s.style}|${s.text}`, { index: cells.size, aspect: 1 });
  const rows = Math.ceil(cells.size / COLS);
  const canvas = document.createElement('canvas');
  canvas.width = CELL_W * COLS;
  canvas.height = CELL_H * rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  for (const [key, cell] of cells) {
    const [style, text] = key.split('|') as [LabelStyle, string];
    const cx = (cell.index % COLS) * CELL_W + CELL_W / 2;
    const cy = Math.floor(cell.index / COLS) * CELL_H + CELL_H / 2;
    ctx.font = `700 ${style === 'sign' ? 84 : 64}px ${FONT}`;
    const w = Math.min(CELL_W - 16, ctx.measureText(text).width + (style === 'unit' ? 40 : 16));
    cell.aspect = w / CELL_H;
    if (style === 'unit') {
      ctx.fillStyle = '#1f4e7a';
      ctx.beginPath();
      ctx.roundRect(cx - w / 2, cy - 44, w, 88, 20);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillText(text, cx, cy + 2, w - 24);
    } else {
      // A light halo keeps dark numbers legible on roofs and on walls alike.
      ctx.lineWidth = 14;
      ctx.strokeStyle = 'rgba(255,255,255,0.92)';
      ctx.strokeText(text, cx, cy + 2, w - 8);
      ctx.fillStyle = '#13233a';
      ctx.fillText(text, cx, cy + 2, w - 8);
    }
  }
  const pos: number[] = [];
  const uv: number[] = [];
  const index: number[] = [];
  for (const s of specs) {
    const cell = cells.get(`${s.style}|${s.text}`);
    if (!cell) continue;
    let h = s.height;
    let w = h * cell.aspect;
    if (s.maxWidth && w > s.maxWidth) {
      h *= s.maxWidth / w;
      w = s.maxWidth;
    }
    const [x, y, z] = s.center;
    const corners: Vec3[] =
      s.facing === 'south'
        ? [
            [x - w / 2, y - h / 2, z],
            [x + w / 2, y - h / 2, z],
            [x + w / 2, y + h / 2, z],
            [x - w / 2, y + h / 2, z],
          ]
        : [
            [x - w / 2, y, z + h / 2],
            [x + w / 2, y, z + h / 2],
            [x + w / 2, y, z - h / 2],
            [x - w / 2, y, z - h / 2],
          ];
    const u0 = ((cell.index % COLS) * CELL_W + (CELL_W - cell.aspect * CELL_H) / 2) / canvas.width;
    const u1 = u0 + (cell.aspect * CELL_H) / canvas.width;
    const v1 = 1 - (Math.floor(cell.index / COLS) * CELL_H) / canvas.height;
    const v0 = v1 - CELL_H / canvas.height;
    const base = pos.length / 3;
    corners.forEach((c) => pos.push(...c));
    uv.push(u0, v0, u1, v0, u1, v1, u0, v1);
    index.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(pos, 3));
  geometry.setAttribute('uv', new Float32BufferAttribute(uv, 2));
  geometry.setIndex(index);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return { geometry, texture };
}
