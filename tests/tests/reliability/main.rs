//! Reliability, round 2: what a hostile network, server or careless caller must not get
//! through, each scenario through both adapters (fgs-ureq and fgs-hyper) unless it is
//! about one adapter's transport. `--nocapture` prints the figures.

mod caller;

use caller::maxitems_zero_and_above_400_mean_the_default;

fgs_tests::through_both_adapters!(maxitems_zero_and_above_400_mean_the_default,);
