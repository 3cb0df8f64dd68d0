use cors_actix::{cors_policy, Policy};

fn main() {
    let _: &'static Policy = cors_policy!(origins = ["https://app.example.com/"], methods = ["PUT", "put"]);
    let _: &'static Policy = cors_policy!(disable);
    let _: &'static Policy = cors_policy!();
}
