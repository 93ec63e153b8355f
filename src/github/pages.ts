/** Page-by-page reading of a paginated list, stopping where the caller stops: each page is one request, on demand. */

/**
 * Yields the items of each page of `responses` (an Octokit `paginate.iterator`), mapped by `map`, for at most
 * `maxPages` pages. A failed request is rethrown through `onError` (which maps it to a clear message).
 */
export async function* pagesOf<Item, Out>(
  responses: AsyncIterable<{ readonly data: readonly Item[] }>,
  maxPages: number,
  map: (item: Item) => Out,
  onError: (err: unknown) => Error,
): AsyncGenerator<readonly Out[]> {
  const iterator = responses[Symbol.asyncIterator]()
  for (let page = 1; page <= maxPages; page++) {
    let next: IteratorResult<{ readonly data: readonly Item[] }>
    try {
      next = await iterator.next()
    } catch (err) {
      throw onError(err)
    }
    if (next.done === true) return
    yield next.value.data.map(map)
  }
}
