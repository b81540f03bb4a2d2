//! Integration tests of the library store, on temporary database files.

mod common;

mod articles;
mod copy;
mod crash;
mod events;
mod fetch;
mod grouping;
mod import;
mod open;
mod recover;
mod search;
mod sessions;
mod team;
mod vectors;
