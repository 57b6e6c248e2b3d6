//! The `liaison` server: configuration, start-up, HTTP middleware and background jobs.
//! `startup::build` is the one way to start the app, used by `main` and by the tests.

pub mod config;
pub mod jobs;
pub mod mail;
pub mod middleware;
pub mod portal;
pub mod routes;
pub mod sign_in;
pub mod startup;
pub mod telemetry;
