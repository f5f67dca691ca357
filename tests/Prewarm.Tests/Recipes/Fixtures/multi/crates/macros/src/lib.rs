use proc_macro::TokenStream;

#[proc_macro]
pub fn answer(_input: TokenStream) -> TokenStream {
    "pub fn answer() -> u64 { 42 }".parse().unwrap()
}
