use monorepo_common::Envelope;
use serde_json::json;

fn main() -> anyhow::Result<()> {
    let invoice = Envelope::new("billing", "invoice-issued", json!({ "at": chrono::Utc::now().to_rfc3339() }));
    println!("{}", invoice.to_line()?);
    Ok(())
}
