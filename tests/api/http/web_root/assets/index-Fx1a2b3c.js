console.log("fixture script");
