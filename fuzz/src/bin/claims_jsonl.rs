//! AFL++ harness for the `claims_jsonl` target ([`frontline::fuzzing::Target`]): a panic
//! in the code under test, or a broken invariant, is a crash AFL++ keeps.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = frontline::fuzzing::Target::ClaimsJsonl.run(data) {
            panic!("claims_jsonl: {violation}");
        }
    });
}
