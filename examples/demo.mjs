// Placeholder until the catalogue check lands.
console.log('dangan demo');
