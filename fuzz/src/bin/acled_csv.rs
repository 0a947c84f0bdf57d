//! AFL++ harness for the `acled_csv` target ([`frontline::fuzzing::Target`]): a panic
//! in the code under test, or a broken invariant, is a crash AFL++ keeps.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = frontline::fuzzing::Target::AcledCsv.run(data) {
            panic!("acled_csv: {violation}");
        }
    });
}
