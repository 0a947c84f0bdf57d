//! AFL++ harness for the `moment_parse` target ([`frontline::fuzzing::Target`]): a panic
//! in the code under test, or a broken invariant, is a crash AFL++ keeps.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = frontline::fuzzing::Target::MomentParse.run(data) {
            panic!("moment_parse: {violation}");
        }
    });
}
