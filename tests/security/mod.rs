//! Security: what an attacker with a staff account, or with none, tried and must never get.
//! Every page and file of the router, asked for by every role and by nobody, answers a refused
//! caller without a word of the records it guards; sign-in attempts sent at once are counted
//! before any is checked; nobody is sent off-site after signing in; every page carries a
//! policy that runs only this site's scripts; a stranger cannot lock an investor out of their
//! request, nor use the portal to mail a text of their choosing to anybody.

mod records;
mod signing_in;
mod visitors;
