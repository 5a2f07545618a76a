// Following a paged list call to its end (ListStreams, ListShards,
// DescribeStream, ListTagsForStream): each page says where the next starts
// (a token, or the last key with a has-more flag). Bounded: a server that
// hands back the cursor it was given, or pages without end, is an error
// rather than a loop.
import { RheoError } from './grpc.js';

/** More pages than any real listing has (10,000 streams at 1 per page...). */
export const pagesMaxDefault = 100_000;

/**
 * Yields pages from `fetch(undefined)` on, passing each page's `next` cursor
 * to the following fetch, until `next` is undefined.
 */
export async function* followPages<Page, Cursor>(
  what: string,
  fetch: (cursor: Cursor | undefined) => Promise<Page>,
  next: (page: Page) => Cursor | undefined,
  pagesMax = pagesMaxDefault,
): AsyncGenerator<Page, void, undefined> {
  let cursor: Cursor | undefined;
  for (let pages = 0; ; pages++) {
    if (pages >= pagesMax) throw new RheoError('Internal', `${what}: more than ${pagesMax} pages`);
    const page = await fetch(cursor);
    yield page;
    const following = next(page);
    if (following === undefined) return;
    if (JSON.stringify(following) === JSON.stringify(cursor)) {
      throw new RheoError(
        'Internal',
        `${what}: the server answered the same page cursor twice (${JSON.stringify(cursor)})`,
      );
    }
    cursor = following;
  }
}

/** Every item of every page, in order. */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => readonly Item[],
): Promise<Item[]> {
  const out: Item[] = [];
  for await (const page of pages) out.push(...items(page));
  return out;
}
