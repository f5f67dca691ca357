//! The event envelope every service of the example monorepo speaks.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Envelope {
    pub service: String,
    pub kind: String,
    pub body: serde_json::Value,
}

impl Envelope {
    pub fn new(service: &str, kind: &str, body: serde_json::Value) -> Self {
        Self { service: service.to_owned(), kind: kind.to_owned(), body }
    }

    pub fn to_line(&self) -> anyhow::Result<String> {
        Ok(serde_json::to_string(self)?)
    }
}
