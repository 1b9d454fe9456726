/** What the layout tests read from the page: geometry, motion and contrast, as the browser computes them. */
import type { Page } from 'playwright-core';

export interface RowLayout {
  readonly userId: string;
  readonly hidden: boolean;
  readonly bottom: number;
  readonly height: number;
  readonly medal: string | null;
  readonly own: boolean;
  readonly afterGap: boolean;
  readonly badgeBackground: string;
  /** The bar's drawn length over its full length. */
  readonly barShare: number;
  readonly transform: string;
}

export interface PageLayout {
  readonly scrollHeight: number;
  readonly scrollWidth: number;
  readonly innerHeight: number;
  readonly innerWidth: number;
  /** The right edge of the widest box on the page. */
  readonly widestRight: number;
  readonly frameBottom: number;
  /** The "+N more" text, null when hidden. */
  readonly more: string | null;
  readonly rows: readonly RowLayout[];
}

export const readLayout = (page: Page): Promise<PageLayout> =>
  page.evaluate(() => {
    const scrolling = document.scrollingElement!;
    const more = document.getElementById('more')!;
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('#board-rows tr')];
    return {
      scrollHeight: scrolling.scrollHeight,
      scrollWidth: scrolling.scrollWidth,
      innerHeight,
      innerWidth,
      widestRight: Math.max(
        ...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right),
      ),
      frameBottom: document.getElementById('board-frame')!.getBoundingClientRect().bottom,
      more: more.hidden ? null : more.textContent,
      rows: rows.map((row) => {
        const box = row.getBoundingClientRect();
        const bar = row.querySelector<HTMLElement>('.bar')!;
        return {
          userId: row.dataset['userId'] ?? '',
          hidden: row.hidden,
          bottom: box.bottom,
          height: box.height,
          medal: row.dataset['medal'] ?? null,
          own: row.getAttribute('aria-current') === 'true',
          afterGap: row.classList.contains('after-gap'),
          badgeBackground: getComputedStyle(row.querySelector('.rank-badge')!).backgroundColor,
          barShare: bar.offsetWidth > 0 ? bar.getBoundingClientRect().width / bar.offsetWidth : 0,
          transform: getComputedStyle(row).transform,
        };
      }),
    };
  });

/** Waits until no transition or animation runs on the page. */
export const untilSettled = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => document.getAnimations().length === 0, undefined, { timeout: 10_000 });

/**
 * From now on, records every row whose transform starts a transition, with the vertical offset
 * it starts from (read when the transition is created, so it is the row's old place).
 */
export const installMoveRecorder = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const moves: Array<{ userId: string; startOffset: number }> = [];
    (window as unknown as { rowMoves: typeof moves }).rowMoves = moves;
    document.getElementById('board-rows')!.addEventListener('transitionrun', (event) => {
      if (event.propertyName !== 'transform' || !(event.target instanceof HTMLTableRowElement)) return;
      const matrix = new DOMMatrixReadOnly(getComputedStyle(event.target).transform);
      moves.push({ userId: event.target.dataset['userId'] ?? '', startOffset: matrix.m42 });
    });
  });

export const recordedMoves = (page: Page): Promise<Array<{ userId: string; startOffset: number }>> =>
  page.evaluate(
    () => (window as unknown as { rowMoves: Array<{ userId: string; startOffset: number }> }).rowMoves,
  );

/**
 * WCAG contrast of the first element each selector finds: its text colour against its
 * background, composed from its own and its ancestors' backgrounds down to an opaque one.
 */
export const contrastRatios = (page: Page, selectors: readonly string[]): Promise<Record<string, number>> =>
  page.evaluate((wanted) => {
    type Rgba = [number, number, number, number];
    const parse = (color: string): Rgba => {
      const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => [
      top[0] * top[3] + bottom[0] * (1 - top[3]),
      top[1] * top[3] + bottom[1] * (1 - top[3]),
      top[2] * top[3] + bottom[2] * (1 - top[3]),
      1,
    ];
    const background = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const layer = parse(getComputedStyle(at).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (value: number) => {
        const s = value / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratios: Record<string, number> = {};
    for (const selector of wanted) {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no element ${selector}`);
      const back = background(element);
      const text = over(parse(getComputedStyle(element).color), back);
      const [light, dark] = [luminance(text), luminance(back)].sort((a, b) => b - a) as [number, number];
      ratios[selector] = (light + 0.05) / (dark + 0.05);
    }
    return ratios;
  }, selectors);
