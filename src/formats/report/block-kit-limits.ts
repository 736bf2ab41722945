/**
 * Slack's documented Block Kit limits, checked on a message payload before it is sent.
 *
 * Sources (api.slack.com/reference/block-kit/blocks, and /reference/surfaces/formatting):
 * - a message holds at most 50 blocks ("Maximum of 50 blocks in a message");
 * - section: `text` at most 3000 characters; `fields` at most 10 items, each at most 2000 characters;
 * - header: `text` is a plain_text object of at most 150 characters;
 * - context: at most 10 elements;
 * - every block's `block_id` at most 255 characters;
 * - chat.postMessage / incoming webhooks: with `blocks`, the top-level `text` is the fallback shown in
 *   notifications and by screen readers, so it must be present (Slack answers `no_text` without it).
 */
export const BLOCK_KIT_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  blockId: 255,
} as const;

export interface BlockKitViolation {
  /** Where, as a JSON path: `blocks[3].text.text`. */
  readonly path: string;
  readonly message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined => (isObject(v) && typeof v.text === 'string' ? v.text : undefined);

/** Every way `payload` breaks Slack's limits; empty when Slack will accept its shape. Pure. */
export function checkBlockKit(payload: unknown): BlockKitViolation[] {
  const out: BlockKitViolation[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  if (!isObject(payload)) return [{ path: '', message: 'the payload is not a JSON object' }];
  if (typeof payload.text !== 'string' || payload.text.trim() === '')
    add('text', 'the top-level text (the notification fallback) is missing or empty');
  const blocks = payload.blocks;
  if (blocks === undefined) return out;
  if (!Array.isArray(blocks)) return [...out, { path: 'blocks', message: 'blocks is not an array' }];
  if (blocks.length > BLOCK_KIT_LIMITS.blocks) add('blocks', `${blocks.length} blocks; a message holds at most ${BLOCK_KIT_LIMITS.blocks}`);
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`;
    if (!isObject(block)) {
      add(at, 'a block is not an object');
      return;
    }
    if (typeof block.block_id === 'string' && block.block_id.length > BLOCK_KIT_LIMITS.blockId)
      add(`${at}.block_id`, `block_id has ${block.block_id.length} characters; at most ${BLOCK_KIT_LIMITS.blockId}`);
    if (block.type === 'header') {
      const text = textOf(block.text);
      if (!isObject(block.text) || block.text.type !== 'plain_text') add(`${at}.text`, 'a header text must be plain_text');
      if (text === undefined || text.length === 0) add(`${at}.text.text`, 'a header needs a text');
      else if (text.length > BLOCK_KIT_LIMITS.headerText)
        add(`${at}.text.text`, `header text has ${text.length} characters; at most ${BLOCK_KIT_LIMITS.headerText}`);
    } else if (block.type === 'section') {
      const text = textOf(block.text);
      const fields = block.fields;
      if (text === undefined && !Array.isArray(fields)) add(at, 'a section needs a text or fields');
      if (text !== undefined && text.length > BLOCK_KIT_LIMITS.sectionText)
        add(`${at}.text.text`, `section text has ${text.length} characters; at most ${BLOCK_KIT_LIMITS.sectionText}`);
      if (text !== undefined && text.length === 0) add(`${at}.text.text`, 'section text is empty');
      if (Array.isArray(fields)) {
        if (fields.length > BLOCK_KIT_LIMITS.fields) add(`${at}.fields`, `${fields.length} fields; at most ${BLOCK_KIT_LIMITS.fields}`);
        fields.forEach((f, j) => {
          const t = textOf(f);
          if (t !== undefined && t.length > BLOCK_KIT_LIMITS.fieldText)
            add(`${at}.fields[${j}].text`, `field text has ${t.length} characters; at most ${BLOCK_KIT_LIMITS.fieldText}`);
        });
      }
    } else if (block.type === 'context') {
      const elements = block.elements;
      if (!Array.isArray(elements) || elements.length === 0) add(`${at}.elements`, 'a context needs at least one element');
      else if (elements.length > BLOCK_KIT_LIMITS.contextElements)
        add(`${at}.elements`, `${elements.length} context elements; at most ${BLOCK_KIT_LIMITS.contextElements}`);
      // Context text elements follow the text-object limit of 3000 characters.
      (Array.isArray(elements) ? elements : []).forEach((e, j) => {
        const t = textOf(e);
        if (t !== undefined && t.length > BLOCK_KIT_LIMITS.sectionText)
          add(`${at}.elements[${j}].text`, `context text has ${t.length} characters; at most ${BLOCK_KIT_LIMITS.sectionText}`);
      });
    }
  });
  return out;
}
