//! The shop's domain types.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("quantity must be positive, got {0}")]
    BadQuantity(i64),
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Order {
    pub id: Uuid,
    pub sku: String,
    pub quantity: i64,
    pub placed_at: DateTime<Utc>,
}

impl Order {
    pub fn new(sku: &str, quantity: i64) -> Result<Self, DomainError> {
        if quantity <= 0 {
            return Err(DomainError::BadQuantity(quantity));
        }
        Ok(Order { id: Uuid::new_v4(), sku: sku.to_owned(), quantity, placed_at: Utc::now() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let order = Order::new("tea", 2).unwrap();
        let json = serde_json::to_string(&order).unwrap();
        assert_eq!(serde_json::from_str::<Order>(&json).unwrap(), order);
    }
}
