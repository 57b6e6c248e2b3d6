//! `liaison-bindgen <app.wasm> <out-dir> <name>`: the browser bundle's JavaScript bindings and
//! its wasm, for `--target web` without TypeScript declarations, as
//! `wasm-bindgen --target web --no-typescript --out-dir <out-dir> --out-name <name> <app.wasm>`
//! writes them.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, name] = args.as_slice() else {
        eprintln!("usage: liaison-bindgen <app.wasm> <out-dir> <name>");
        return ExitCode::from(2);
    };
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen.input_path(input).out_name(name).typescript(false);
    let made = bindgen.web(true).and_then(|b| b.generate(out_dir));
    match made {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("liaison-bindgen: {e:#}");
            ExitCode::FAILURE
        }
    }
}
