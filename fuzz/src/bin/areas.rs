//! AFL++ harness for the `areas` target ([`frontline::fuzzing::Target`]): a panic
//! in the code under test, or a broken invariant, is a crash AFL++ keeps.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = frontline::fuzzing::Target::Areas.run(data) {
            panic!("areas: {violation}");
        }
    });
}
