/**
 * @module
 * What a person would see wrong in a rendered page, measured in the browser (issue 16):
 * a word in a table cell broken over two lines ("Inschrijv ingen"), an amount, number or
 * date wrapped, a page wider than the screen, a tender's tab bar running off the page.
 * The checks run as plain JavaScript in the page (the tests are compiled without the DOM
 * library), and answer plain data.
 */
import type { Page } from 'playwright-core';

export type LayoutProblem = { kind: 'broken-word' | 'wrapped-value' | 'page-overflow' | 'tabs-overflow' | 'table-overflow'; where: string; text: string };

/**
 * A word is what lies between breaking spaces, cut after a hyphen or a slash (where a line
 * may legitimately end: "B1-/route" is not "B1-ro/ute"). A non-breaking space joins: "€ 1.234,56"
 * and "22 november 2026" in a cell marked as a value are one unit that must stay on one line.
 * For each word, a Range over it must have all its client rects on one line (same top, within
 * a pixel): two tops mean the browser broke the word inside.
 */
const CHECK = String.raw`(() => {
  const problems = [];
  const describe = (el) => {
    const table = el.closest('table');
    const caption = table && table.querySelector('caption');
    return (caption ? caption.textContent.trim().slice(0, 60) : el.tagName.toLowerCase()) + ' / ' + el.tagName.toLowerCase();
  };
  const linesOf = (range) => {
    const tops = [];
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
    }
    return tops.length;
  };
  const cells = document.querySelectorAll('td, th, .gw-tabs a, .utrecht-badge-status, .gw-status');
  for (const cell of cells) {
    if (cell.getClientRects().length === 0) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue;
      const parent = node.parentElement;
      if (!parent || parent.closest('.gw-visually-hidden')) continue;
      const word = /[^ \t\n\r\-\/]+[\-\/]?/g;
      for (let m = word.exec(text); m; m = word.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (linesOf(range) > 1) problems.push({ kind: 'broken-word', where: describe(cell), text: m[0] });
      }
    }
    // A value (an amount, a number, a date) stays on one line as a whole.
    for (const value of cell.querySelectorAll('.gw-value, [data-value]')) {
      const range = document.createRange();
      range.selectNodeContents(value);
      if (linesOf(range) > 1) problems.push({ kind: 'wrapped-value', where: describe(cell), text: value.textContent.trim() });
    }
    // An amount or a number in its column, and a date, is one value.
    if (cell.matches('td.utrecht-table__cell--numeric-data, td.gw-cell--date')) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      if (linesOf(range) > 1) problems.push({ kind: 'wrapped-value', where: describe(cell), text: cell.textContent.trim() });
    }
  }
  const root = document.scrollingElement;
  if (root.scrollWidth > window.innerWidth + 1) {
    const widest = [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.gw-scroll'))
      .slice(0, 3)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
    problems.push({ kind: 'page-overflow', where: widest.join(', ') || 'document', text: root.scrollWidth + ' > ' + window.innerWidth });
  }
  for (const tabs of document.querySelectorAll('.gw-tabs')) {
    if (tabs.scrollWidth > tabs.clientWidth + 1) problems.push({ kind: 'tabs-overflow', where: 'tabs', text: tabs.scrollWidth + ' > ' + tabs.clientWidth });
  }
  return problems;
})()`;

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return (await page.evaluate(CHECK)) as LayoutProblem[];
}
