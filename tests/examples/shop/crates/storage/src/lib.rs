//! Orders in PostgreSQL.
use shop_domain::Order;
use tokio_postgres::Client;

pub async fn insert(client: &Client, order: &Order) -> anyhow::Result<()> {
    tracing::debug!(id = %order.id, "inserting order");
    client
        .execute(
            "INSERT INTO orders (id, sku, quantity, placed_at) VALUES ($1, $2, $3, $4)",
            &[&order.id, &order.sku, &order.quantity, &order.placed_at],
        )
        .await?;
    Ok(())
}
