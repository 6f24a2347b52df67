// The components' markup keeps the spaces it shows. Svelte 5 drops the whitespace at the start and
// end of a block's content, so `{n}{#if archived} · archived{/if}` renders "2· archived" and
// `{#if i > 0}, {/if}` a bare comma; a space that must stay is written `{' '}` or inside a string
// (`{', '}`). This test parses every component and names each block whose content begins or ends
// with whitespace Svelte would drop while text or an inline element touches the block on that side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'svelte/compiler';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kInline = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'kbd', 'small', 'span', 'strong']);

function components(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? components(path) : entry.name.endsWith('.svelte') ? [path] : [];
  });
}

/** Shown inline: text, an expression, or an inline element. */
function inline(node) {
  return node.type === 'Text' || node.type === 'ExpressionTag' || node.type === 'HtmlTag' || (node.type === 'RegularElement' && kInline.has(node.name));
}

/** Whether a block's neighbour on one side (undefined: the block is first or last) touches it. */
function touches(neighbour, side, inBlock) {
  if (neighbour === undefined) {
    return inBlock;
  }
  if (neighbour.type === 'Text') {
    return side === 'before' ? !/\s$/.test(neighbour.data) : !/^\s/.test(neighbour.data);
  }
  return inline(neighbour);
}

/**
 * Whether the whitespace Svelte drops from one end of a block's content was meant to be shown:
 * it leads into text, or (when `spacing` says the block touches an inline neighbour) into an
 * expression or inline element.
 */
function dropsShownSpace(nodes, side, spacing) {
  const [edge, next] = side === 'before' ? [nodes[0], nodes[1]] : [nodes.at(-1), nodes.at(-2)];
  if (edge?.type !== 'Text' || !(side === 'before' ? /^\s/ : /\s$/).test(edge.data)) {
    return false;
  }
  return /\S/.test(edge.data) || (spacing && next !== undefined && inline(next));
}

function findDroppedSpaces(file) {
  const source = readFileSync(file, 'utf8');
  const found = [];
  const line = (position) => source.slice(0, position).split('\n').length;
  // `touching[side]`: text or an inline element meets the block there; `spacing`: whitespace
  // alone at that end separates the content from it (an each block's items are laid out by
  // their container, so there only text counts).
  const check = (fragment, block, touching, spacing = true) => {
    const nodes = (fragment?.nodes ?? []).filter((n) => n.type !== 'Comment');
    for (const side of ['before', 'after']) {
      if (touching[side] && dropsShownSpace(nodes, side, spacing)) {
        found.push(`${relative(web, file)}:${line(block.start)}: the space ${side === 'before' ? 'starting' : 'ending'} ${JSON.stringify(source.slice(block.start, block.end).slice(0, 80))}`);
      }
    }
    walk(nodes, true);
  };
  const checkIf = (block, touching) => {
    check(block.consequent, block, touching);
    const elseIf = block.alternate?.nodes.length === 1 && block.alternate.nodes[0].elseif ? block.alternate.nodes[0] : null;
    if (elseIf !== null) {
      checkIf(elseIf, touching);
    } else if (block.alternate) {
      check(block.alternate, block, touching);
    }
  };
  const walk = (nodes, inBlock) => {
    nodes.forEach((node, i) => {
      const touching = { before: touches(nodes[i - 1], 'before', inBlock), after: touches(nodes[i + 1], 'after', inBlock) };
      switch (node.type) {
        case 'IfBlock':
          checkIf(node, touching);
          break;
        case 'EachBlock':
          // each item meets the one before and after it
          check(node.body, node, { before: true, after: true }, false);
          if (node.fallback) check(node.fallback, node, touching);
          break;
        case 'AwaitBlock':
          for (const part of [node.pending, node.then, node.catch]) if (part) check(part, node, touching);
          break;
        case 'KeyBlock':
          check(node.fragment, node, touching);
          break;
        case 'SnippetBlock':
          check(node.body, node, { before: false, after: false });
          break;
        default:
          if (node.fragment) walk(node.fragment.nodes, false);
      }
    });
  };
  walk(parse(source, { modern: true }).fragment.nodes, false);
  return found;
}

test('no block drops a space it shows', () => {
  const files = components(join(web, 'src'));
  assert.ok(files.length > 10, 'the components are found');
  assert.deepEqual(files.flatMap(findDroppedSpaces), []);
});
