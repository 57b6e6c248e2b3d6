//! The administration's SQL: staff accounts (`users`) and departments (`departments`).

pub mod departments;
pub mod users;
