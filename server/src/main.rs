//! `liaison`: serve the app (default), or run an operator command.
//!
//!   liaison [serve]        migrate the database and serve
//!   liaison migrate        migrate the database and exit
//!   liaison create-user --email E --name N --role R [--department CODE] [--county NAME] [--language zh-CN|en|fr]
//!                          create a staff account; the password is read from standard input
//!   liaison backup FILE    consistent copy of a SQLite database while it is in use
//!   liaison demo           load the model city's year into a database that holds no records yet

use liaison_server::config::{redact_url, Config};
use liaison_server::startup;
use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: liaison [serve | migrate | create-user --email E --name N --role R [--department CODE] [--county NAME] [--language zh-CN|en|fr] | backup FILE | demo]";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    liaison_server::telemetry::init(&config);
    let result = match args.first().map(String::as_str) {
        None | Some("serve") => serve(&config).await,
        Some("migrate") => migrate(&config).await,
        Some("create-user") => create_user(&config, &args[1..]).await,
        Some("backup") => backup(&config, &args[1..]).await,
        Some("demo") => demo(&config).await,
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("liaison: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(msg)) => {
            eprintln!("liaison: {msg}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Runtime(String),
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::Runtime(e.to_string())
    }
}

async fn serve(config: &Config) -> Result<(), Failure> {
    let app = startup::build(config).await?;
    let addr = app.local_addr();
    tracing::info!(%addr, database = %redact_url(&config.database_url), backend = app.state.db.backend(), "Liaison is serving");
    // The operator's start-up banner: where to open Liaison and how to sign in.
    println!("\nLiaison is running at {}  (database: {})", config.base_url, redact_url(&config.database_url));
    if let Some(first) = &app.first_admin {
        println!("First administrator created: {}", first.email);
        match &first.password_file {
            Some(file) => println!(
                "Its password is in {} (readable only by you): sign in with it, choose your own, then delete the file.",
                file.display()
            ),
            None => println!("Its password is the one given in LIAISON_ADMIN_PASSWORD."),
        }
    } else {
        println!("Sign in with an existing account. `liaison create-user` adds one.");
    }
    if app::demo::is_empty(&app.state.db).await.unwrap_or(false) {
        println!("The database holds no records yet: `make demo` (or `liaison demo`) loads the model city's year.");
    }
    match &config.mail.smtp_url {
        Some(url) => println!("E-mail is sent through {}.", redact_url(url)),
        None => println!("E-mail is written as .eml files to {} (set SMTP_URL to send it).", config.mail.dir.display()),
    }
    println!("Stop with Ctrl-C.\n");
    app.serve(startup::shutdown_signal()).await?;
    Ok(())
}

/// Load the model city's year, and say how to sign in and what to look at.
async fn demo(config: &Config) -> Result<(), Failure> {
    let db = startup::open_database(config).await?;
    let state = app::state::ServerState::new(db.clone(), config.settings.clone());
    let started = std::time::Instant::now();
    let today = app::domain::office_today(app::db::now());
    let result = app::demo::load(&state, today).await;
    db.close().await;
    let loaded = result.map_err(|e| Failure::Runtime(format!("demo not loaded: {e}")))?;
    println!(
        "The model city's {} is loaded ({:.1} s), with this year's open work around today.",
        loaded.year,
        started.elapsed().as_secs_f64()
    );
    println!("Sign in at {} as any of these, with the password {}:", config.base_url, app::demo::PASSWORD);
    for (email, name, role) in &loaded.accounts {
        println!("  {email:<34} {name:<22} {}", role.as_str());
    }
    let (reference, code) = &loaded.portal_case;
    println!("An investor follows request {reference} on {}/portal with the access code {code}.", config.base_url);
    Ok(())
}

async fn migrate(config: &Config) -> Result<(), Failure> {
    let db = startup::open_database(config).await?;
    println!("database migrated ({})", db.backend());
    db.close().await;
    Ok(())
}

/// `--name value` pairs.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

async fn create_user(config: &Config, args: &[String]) -> Result<(), Failure> {
    use app::admin::service::{create_user, Creator};
    use app::admin::UserForm;
    let (Some(email), Some(name), Some(role)) = (flag(args, "--email"), flag(args, "--name"), flag(args, "--role"))
    else {
        return Err(Failure::Usage("create-user needs --email, --name and --role".into()));
    };
    let db = startup::open_database(config).await?;
    let department_id = match flag(args, "--department") {
        None => String::new(),
        Some(code) => {
            let all = app::admin::db::departments::list(&db).await?;
            match all.iter().find(|d| d.code == code) {
                Some(d) => d.id.to_string(),
                None => {
                    let codes: Vec<&str> = all.iter().map(|d| d.code.as_str()).collect();
                    return Err(Failure::Usage(format!("unknown department '{code}'; one of: {}", codes.join(", "))));
                }
            }
        }
    };
    // A county officer's county, by its number or one of its names.
    let county_id = match flag(args, "--county") {
        None => String::new(),
        Some(given) => {
            let all = app::projects::counties::data::all(&db).await?;
            let found = all.iter().find(|c| {
                c.id.to_string() == given || [&c.name_zh, &c.name_en, &c.name_fr].iter().any(|n| n.as_str() == given)
            });
            match found {
                Some(c) => c.id.to_string(),
                None => {
                    let names: Vec<&str> = all.iter().map(|c| c.name_en.as_str()).collect();
                    return Err(Failure::Usage(format!("unknown county '{given}'; one of: {}", names.join(", "))));
                }
            }
        }
    };
    if std::io::stdin().is_terminal() {
        eprintln!("Password (at least {} characters), then Enter:", app::domain::NewPassword::MIN);
    }
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    let state = app::state::ServerState::new(db.clone(), config.settings.clone());
    let form = UserForm {
        email: email.into(),
        display_name: name.into(),
        role: role.into(),
        department_id,
        county_id,
        locale: flag(args, "--language").unwrap_or("zh-CN").into(),
    };
    let result = create_user(&state, Creator::Operator { via: "cli", chose_password: true }, &form, password).await;
    db.close().await;
    match result {
        Ok(id) => {
            println!("created user {id} <{}>", email.trim().to_lowercase());
            Ok(())
        }
        Err(app::error::AppError::Invalid(fields)) => {
            let problems: Vec<String> = fields.iter().map(|f| format!("{}: {:?}", f.field, f.code)).collect();
            Err(Failure::Usage(format!("not created: {}", problems.join("; "))))
        }
        Err(e) => Err(Failure::Runtime(format!("not created: {e:?}"))),
    }
}

async fn backup(config: &Config, args: &[String]) -> Result<(), Failure> {
    let Some(file) = args.first() else {
        return Err(Failure::Usage("backup needs a FILE to write".into()));
    };
    if std::path::Path::new(file).exists() {
        return Err(Failure::Usage(format!("{file} already exists; choose a new file name")));
    }
    let db = startup::open_database(config).await?;
    let result = db.backup_sqlite(file).await;
    db.close().await;
    match result {
        Some(Ok(())) => {
            println!("backup written to {file}");
            Ok(())
        }
        Some(Err(e)) => Err(Failure::Runtime(format!("backup failed: {e}"))),
        None => Err(Failure::Usage(
            "this database is PostgreSQL: back it up with pg_dump, e.g. pg_dump -Fc -f liaison.dump \"$DATABASE_URL\""
                .into(),
        )),
    }
}
