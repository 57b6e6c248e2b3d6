//! Investment promotion: the policy register (`policies`), the industry-chain maps
//! (`chain_maps`), the target firms and their import (`target_firms`), the leads (`leads`), the
//! promoted projects with the portal's opportunities (`promoted`) and the brochure
//! (`brochures`).

mod brochures;
mod chain_maps;
mod leads;
mod policies;
mod promoted;
mod target_firms;

use reqwest::StatusCode;

/// The fields refused in an error answer, with their codes.
fn codes(e: &app::error::AppError) -> Vec<(String, app::error::FieldCode)> {
    e.field_errors().iter().map(|f| (f.field.clone(), f.code)).collect()
}

/// The body of a refusal, which must name nothing of the record asked for.
async fn refused(r: reqwest::Response) -> String {
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    r.text().await.unwrap()
}
