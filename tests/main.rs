//! Liaison's integration tests: each file (or folder, for a large area) tells the stories of one
//! area against a real server and a real database; `both!` runs every story on SQLite and on
//! PostgreSQL.

// A story stops at the first step that is not as told: in tests, a panic is how that is said.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod accounts;
mod architecture;
mod cases;
mod configuration;
mod dashboard;
mod deadlines;
mod delegations;
mod demo;
mod enterprises;
mod exports;
mod friendship_cities;
mod languages;
mod locales;
mod mail;
mod migrations;
mod operations;
mod permissions;
mod portal;
mod project_figures;
mod projects;
mod promotion;
mod security;
mod sign_in;
mod tasks;
