import type { Migration } from './migration';

/**
 * `search_terms`: the words of the search index (its Porter stems), read by first letter when a
 * search finds too little, so a typo ("dentst") can still find the word it meant
 * (search/spelled-alike.ts). A view onto the index itself: nothing to keep in step.
 */
export const m0015SearchTerms: Migration = {
  version: 15,
  name: 'search-terms',
  sql: `
    CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'row');
  `,
};
