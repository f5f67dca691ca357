use monorepo_common::Envelope;
use serde_json::json;

fn main() -> anyhow::Result<()> {
    let order = Envelope::new("orders", "order-placed", json!({ "id": uuid::Uuid::new_v4().to_string() }));
    println!("{}", order.to_line()?);
    #[cfg(feature = "audit")]
    println!("audit on");
    Ok(())
}
