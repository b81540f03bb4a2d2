//! The comparison engine: align, diff, revision, collate, quotes, terms and facts over reports.
