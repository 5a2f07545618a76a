console.log('placeholder bench');
