//! `compactdir demo load|remove`.

use clap::Subcommand;
use compactdir_core::{error::Result, Store};

#[derive(Subcommand)]
pub enum Action {
    /// Load the fictional demo directory (groups, people, partnerships and seats).
    Load,
    /// Remove every demo row; what you added yourself stays.
    Remove,
}

pub fn run(store: &mut Store, action: Action) -> Result<()> {
    match action {
        Action::Load => {
            let c = store.load_demo()?;
            println!(
                "Loaded the demo directory: {} groups, {} people, {} partnerships, {} seats.",
                c.groups, c.people, c.partnerships, c.seats
            );
        }
        Action::Remove => match store.remove_demo()? {
            0 => println!("There was no demo directory to remove: nothing was changed."),
            n => println!(
                "Removed the demo directory ({n} demo groups, with its partnerships and people)."
            ),
        },
    }
    Ok(())
}
