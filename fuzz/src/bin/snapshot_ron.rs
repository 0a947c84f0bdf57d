//! AFL++ harness for the `snapshot_ron` target ([`frontline::fuzzing::Target`]): a panic
//! in the code under test, or a broken invariant, is a crash AFL++ keeps.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = frontline::fuzzing::Target::SnapshotRon.run(data) {
            panic!("snapshot_ron: {violation}");
        }
    });
}
