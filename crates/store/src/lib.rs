//! parallax-store: the Parallax library on SQLite, and the only crate that speaks SQL.
