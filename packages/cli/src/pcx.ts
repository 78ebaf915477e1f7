console.log("pcx");
