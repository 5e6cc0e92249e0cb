//! The data types of requests and responses.

pub(crate) mod macros;

mod alias;
mod common;
mod enums;
mod function;

pub use alias::{Alias, VersionStrategy, VersionStrategyRule};
pub use common::{
    CustomImage, Dependency, FuncAsyncDestinationConfig, FuncCode, FuncDestinationConfig,
    FuncLogConfig, FuncMount, FuncVpc, FunctionAsyncConfig, MountConfig, MountUser,
    NetworkControlConfig, StrategyConfig, Tags, VpcConfig,
};
pub use enums::{CodeType, FunctionType, Runtime, TriggerStatus, TriggerType};
pub use function::Function;
